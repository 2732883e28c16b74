/** Crockford-style base32: no I, L, O or U, so references survive being read aloud. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const HALF_BITS = 15;
const HALF_MASK = (1 << HALF_BITS) - 1;
const ROUND_KEYS = [0x2f1b, 0x5a3c, 0x11d7, 0x6e49];

/** Order slots per customer; the reference space holds 2^30 / 16 = 67 M customers. */
export const ORDER_SLOTS_PER_CUSTOMER = 16;
export const MAX_CUSTOMER_INDEX = 2 ** 30 / ORDER_SLOTS_PER_CUSTOMER - 1;

function round(half: number, key: number): number {
  let x = Math.imul(half ^ key, 0x45d9f3b) >>> 0;
  x ^= x >>> 13;
  return x & HALF_MASK;
}

/**
 * A bijection on 30-bit numbers (a 4-round Feistel network), so consecutive order
 * numbers give unrelated-looking references that can never collide.
 */
function scramble(n: number): number {
  let left = (n >>> HALF_BITS) & HALF_MASK;
  let right = n & HALF_MASK;
  for (const key of ROUND_KEYS) {
    const next = left ^ round(right, key);
    left = right;
    right = next;
  }
  return ((left << HALF_BITS) | right) >>> 0;
}

/** `TDM-7K3Q9X`: unique per (customer index, order slot). */
export function orderReference(customerIndex: number, slot: number): string {
  if (customerIndex < 0 || customerIndex > MAX_CUSTOMER_INDEX) throw new Error('customer index out of range');
  if (slot < 0 || slot >= ORDER_SLOTS_PER_CUSTOMER) throw new Error('order slot out of range');
  let n = scramble(customerIndex * ORDER_SLOTS_PER_CUSTOMER + slot);
  let code = '';
  for (let i = 0; i < 6; i++) {
    code = ALPHABET[n & 31]! + code;
    n >>>= 5;
  }
  return `TDM-${code}`;
}
