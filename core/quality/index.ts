export { findDuplicateCustomers, type CustomerIdentity, type DuplicateGroup, type DuplicateMember, type DuplicateReason } from './duplicates';
export {
  gstinCheckCharacter,
  gstinEmbedsPan,
  gstStateName,
  nameKey,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  validateGstin,
  validatePan,
  type GstinCheck,
  type NormalizedValue,
  type PanCheck,
  type PanHolderType,
} from './identifiers';
