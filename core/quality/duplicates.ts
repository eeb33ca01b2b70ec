import { editDistance, singleDeletions } from './edit-distance';
import { nameKey, normalizeEmail, normalizePhone, validateGstin, validatePan } from './identifiers';

/** The customer fields duplicate detection reads. Both `Customer` and import drafts fit it. */
export interface CustomerIdentity {
  readonly name: string;
  readonly externalRef?: string | null;
  readonly gstin?: string | null;
  readonly pan?: string | null;
  readonly contacts?: readonly { readonly kind: 'email' | 'phone'; readonly value: string }[];
}

export type DuplicateReason = 'gstin' | 'pan' | 'email' | 'phone' | 'name' | 'similar-name';

/** One customer in a duplicate group: a draft of this import or an existing customer. */
export interface DuplicateMember {
  readonly source: 'import' | 'existing';
  /** Index into the `drafts` or `existing` array passed in. */
  readonly index: number;
  readonly name: string;
  readonly externalRef: string | null;
}

export interface DuplicateGroup {
  /** Every reason that links these same members, strongest first. */
  readonly reasons: DuplicateReason[];
  /** The shared value of the first reason (GSTIN, PAN, address, number or name key). */
  readonly value: string;
  readonly members: DuplicateMember[];
  readonly message: string;
}

const reasonOrder: readonly DuplicateReason[] = ['gstin', 'pan', 'email', 'phone', 'name', 'similar-name'];

const reasonLabels: Readonly<Record<DuplicateReason, string>> = {
  gstin: 'the same GSTIN',
  pan: 'the same PAN',
  email: 'the same e-mail address',
  phone: 'the same phone number',
  name: 'the same name apart from case, punctuation and legal suffix',
  'similar-name': 'nearly the same name',
};

/**
 * Finds suspected duplicate customers among the drafts of an import and between those drafts and
 * existing customers. It only reports groups and merges nothing. Groups made only of existing
 * customers are left out, because this import did not create them.
 */
export function findDuplicateCustomers(
  drafts: readonly CustomerIdentity[],
  existing: readonly CustomerIdentity[] = [],
): DuplicateGroup[] {
  const members = [
    ...drafts.map((customer, index) => ({ customer, member: toMember('import', index, customer) })),
    ...existing.map((customer, index) => ({ customer, member: toMember('existing', index, customer) })),
  ];

  const byKey = new Map<string, { reasons: DuplicateReason[]; value: string; memberIds: number[] }>();
  const addGroup = (reason: DuplicateReason, value: string, memberIds: number[]): void => {
    const unique = [...new Set(memberIds)].sort((a, b) => a - b);
    if (unique.length < 2) return;
    if (!unique.some((id) => members[id]?.member.source === 'import')) return;
    const key = unique.join(',');
    const found = byKey.get(key);
    if (found === undefined) byKey.set(key, { reasons: [reason], value, memberIds: unique });
    else if (!found.reasons.includes(reason)) found.reasons.push(reason);
  };

  const identities = members.map(({ customer }) => identityValues(customer));
  for (const reason of ['gstin', 'pan', 'email', 'phone', 'name'] as const) {
    for (const [value, ids] of indexBy(identities.map((identity) => identity[reason]))) addGroup(reason, value, ids);
  }
  for (const ids of similarNameGroups(identities.map((identity) => identity.name))) {
    addGroup('similar-name', identities[ids[0] ?? 0]?.name[0] ?? '', ids);
  }

  return [...byKey.values()].map(({ reasons, value, memberIds }) => {
    reasons.sort((a, b) => reasonOrder.indexOf(a) - reasonOrder.indexOf(b));
    const groupMembers = memberIds.map((id) => members[id]?.member).filter((member) => member !== undefined);
    const names = groupMembers.map((member) => `"${member.name}"`).join(', ');
    const because = reasons.map((reason) => reasonLabels[reason]).join(' and ');
    return { reasons, value, members: groupMembers, message: `Customers ${names} may be duplicates: they have ${because}.` };
  });
}

function toMember(source: 'import' | 'existing', index: number, customer: CustomerIdentity): DuplicateMember {
  return { source, index, name: customer.name, externalRef: customer.externalRef ?? null };
}

interface IdentityValues {
  gstin: string[];
  pan: string[];
  email: string[];
  phone: string[];
  name: string[];
}

function identityValues(customer: CustomerIdentity): IdentityValues {
  const gstin = customer.gstin ? validateGstin(customer.gstin) : null;
  const pan = customer.pan ? validatePan(customer.pan).normalized : (gstin?.pan ?? null);
  const emails: string[] = [];
  const phones: string[] = [];
  for (const contact of customer.contacts ?? []) {
    const normalized = contact.kind === 'email' ? normalizeEmail(contact.value) : normalizePhone(contact.value);
    if (normalized.value !== null) (contact.kind === 'email' ? emails : phones).push(normalized.value);
  }
  const key = nameKey(customer.name);
  return {
    gstin: gstin ? [gstin.normalized] : [],
    pan: pan ? [pan] : [],
    email: emails,
    phone: phones,
    name: key === '' ? [] : [key],
  };
}

function indexBy(valuesPerMember: readonly string[][]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  valuesPerMember.forEach((values, id) => {
    for (const value of new Set(values)) {
      const ids = index.get(value);
      if (ids === undefined) index.set(value, [id]);
      else ids.push(id);
    }
  });
  return index;
}

/** Unique keys in one deletion bucket above this count are compared only with the bucket's first key. */
const maxPairwiseBucket = 200;

/**
 * Groups name keys within a small edit distance (1 for keys up to 10 characters, 2 for longer
 * ones). Candidate pairs are keys that give the same string after deleting at most one
 * character from each, so the work grows with the number of names rather than its square.
 * NOTE: that search misses distance-2 pairs such as "shree" and "shri" (one substitution plus
 * one deletion). Keys whose digits differ ("branch 1", "branch 2")
 * are kept apart, because numbered names usually are distinct customers.
 */
function similarNameGroups(keysPerMember: readonly string[][]): number[][] {
  const idsByKey = indexBy(keysPerMember);
  const keys = [...idsByKey.keys()];
  const parent = keys.map((_, position) => position);
  const find = (position: number): number => {
    let root = position;
    while (parent[root] !== root) root = parent[root] ?? root;
    parent[position] = root;
    return root;
  };

  const byDeletion = indexBy(keys.map((key) => (key.length >= 5 ? singleDeletions(key) : [])));
  for (const positions of byDeletion.values()) {
    const firstCount = positions.length > maxPairwiseBucket ? 1 : positions.length;
    for (let i = 0; i < firstCount; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        const a = positions[i] ?? 0;
        const b = positions[j] ?? 0;
        if (find(a) !== find(b) && keysAreSimilar(keys[a] ?? '', keys[b] ?? '')) parent[find(b)] = find(a);
      }
    }
  }

  const groups = new Map<number, number[]>();
  keys.forEach((key, position) => {
    const root = find(position);
    groups.set(root, [...(groups.get(root) ?? []), ...(idsByKey.get(key) ?? [])]);
  });
  const keyCounts = new Map<number, number>();
  keys.forEach((_, position) => keyCounts.set(find(position), (keyCounts.get(find(position)) ?? 0) + 1));
  return [...groups.entries()].filter(([root]) => (keyCounts.get(root) ?? 0) > 1).map(([, ids]) => ids.sort((a, b) => a - b));
}

function keysAreSimilar(a: string, b: string): boolean {
  if (a.replace(/\D+/g, ' ').trim() !== b.replace(/\D+/g, ' ').trim()) return false;
  const limit = Math.max(a.length, b.length) > 10 ? 2 : 1;
  return editDistance(a, b, limit) <= limit;
}
