import type { Customer } from '../../ledger/types';
import { gstinEmbedsPan, validateGstin, validatePan } from '../../quality/identifiers';
import type { Indicator } from './indicator';

/**
 * Checks a customer's tax identifiers: the GSTIN's format, state code and check character, the
 * PAN's format and holder type, whether the GSTIN embeds the PAN, and whether both are missing.
 * A valid identifier yields an info indicator with its state and holder type.
 */
export function identityIndicators(customer: Customer): Indicator[] {
  const indicators: Indicator[] = [];
  const customerRecord = [{ kind: 'customer' as const, id: customer.id }];
  const gstin = blankToNull(customer.gstin);
  const pan = blankToNull(customer.pan);

  if (gstin === null && pan === null) {
    indicators.push({
      category: 'identity', code: 'identifiers-missing', severity: 'warning',
      message: 'No GSTIN or PAN on record, so the customer cannot be checked against registries or watch lists.',
      values: { gstin: null, pan: null }, records: customerRecord,
    });
  }

  const gstinCheck = gstin === null ? null : validateGstin(gstin);
  if (gstinCheck !== null) {
    indicators.push({
      category: 'identity', code: gstinCheck.valid ? 'gstin-valid' : 'gstin-invalid', severity: gstinCheck.valid ? 'info' : 'warning',
      message: gstinCheck.valid ? `GSTIN ${gstinCheck.normalized} is valid, registered in ${gstinCheck.stateName ?? 'an unknown state'}.` : gstinCheck.problems.join(' '),
      values: { gstin: gstinCheck.normalized, stateCode: gstinCheck.stateCode, stateName: gstinCheck.stateName, embeddedPan: gstinCheck.pan },
      records: customerRecord,
    });
  }

  const panCheck = pan === null ? null : validatePan(pan);
  if (panCheck !== null) {
    indicators.push({
      category: 'identity', code: panCheck.valid ? 'pan-valid' : 'pan-invalid', severity: panCheck.valid ? 'info' : 'warning',
      message: panCheck.valid ? `PAN ${panCheck.normalized} is valid, holder type ${panCheck.holderTypeName ?? 'unknown'}.` : panCheck.problems.join(' '),
      values: { pan: panCheck.normalized, holderType: panCheck.holderType, holderTypeName: panCheck.holderTypeName },
      records: customerRecord,
    });
  }

  if (gstin !== null && pan !== null && gstinCheck?.valid === true && panCheck?.valid === true && !gstinEmbedsPan(gstin, pan)) {
    indicators.push({
      category: 'identity', code: 'pan-gstin-mismatch', severity: 'high',
      message: `GSTIN ${gstinCheck.normalized} carries PAN ${gstinCheck.pan ?? '?'}, but the customer's PAN is ${panCheck.normalized}.`,
      values: { gstin: gstinCheck.normalized, pan: panCheck.normalized, panInGstin: gstinCheck.pan },
      records: customerRecord,
    });
  }
  return indicators;
}

export function blankToNull(text: string | null): string | null {
  return text === null || text.trim() === '' ? null : text;
}
