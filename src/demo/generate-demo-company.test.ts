import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS } from './demo-customers.js';
import { type DemoCompanyOptions, generateDemoCompany } from './generate-demo-company.js';
import { Random } from './random.js';
import { orderReference } from './references.js';
import { emptySeedRows, SEED_TABLES, type SeedRows } from './rows.js';

const NOW = new Date('2025-06-01T12:00:00Z');

function collect(options: DemoCompanyOptions): SeedRows {
  const all = emptySeedRows();
  for (const batch of generateDemoCompany(options)) {
    for (const table of SEED_TABLES) (all[table] as object[]).push(...batch.rows[table]);
  }
  return all;
}

const digest = (rows: SeedRows) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

describe('Random', () => {
  it('repeats a stream for the same seed and stream, and differs otherwise', () => {
    const draw = (seed: number, stream: number) => {
      const rng = new Random(seed, stream);
      return [rng.next(), rng.next(), rng.uuid()];
    };
    expect(draw(1, 5)).toEqual(draw(1, 5));
    expect(draw(1, 5)).not.toEqual(draw(2, 5));
    expect(draw(1, 5)).not.toEqual(draw(1, 6));
  });

  it('makes version 4 shaped UUIDs and stays within bounds', () => {
    const rng = new Random(7);
    for (let i = 0; i < 1000; i++) {
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const n = rng.int(3, 9);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(9);
    }
    rng.idPrefix = 0xdeadbeef;
    expect(rng.uuid().startsWith('deadbeef-')).toBe(true);
  });

  it('weighs picks by their weights', () => {
    const rng = new Random(3);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) {
      if (
        rng.weighted([
          ['a', 9],
          ['b', 1],
        ]) === 'a'
      )
        heavy++;
    }
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
  });
});

describe('orderReference', () => {
  it('gives unique TDM- references', () => {
    const seen = new Set<string>();
    for (let customer = 0; customer < 5_000; customer++) {
      for (let slot = 0; slot < 16; slot++) seen.add(orderReference(customer, slot));
    }
    expect(seen.size).toBe(80_000);
    for (const ref of [...seen].slice(0, 100)) expect(ref).toMatch(/^TDM-[0-9A-HJKMNP-TV-Z]{6}$/);
  });
});

describe('generateDemoCompany', () => {
  it('is deterministic: the same seed gives the same company, another seed another one', () => {
    const a = collect({ seed: 11, customers: 60, now: NOW });
    const b = collect({ seed: 11, customers: 60, now: NOW });
    const c = collect({ seed: 12, customers: 60, now: NOW });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
    expect(a.customers.slice(2).map((x) => x.email)).not.toEqual(c.customers.slice(2).map((x) => x.email));
  });

  it('does not depend on the batch size, so a stream can be cut anywhere', () => {
    const whole = collect({ seed: 5, customers: 40, now: NOW, batchSize: 1000 });
    const small = collect({ seed: 5, customers: 40, now: NOW, batchSize: 6 });
    expect(digest(small)).toBe(digest(whole));
  });

  it('continues where an earlier run stopped when appending', () => {
    const whole = collect({ seed: 5, customers: 30, now: NOW });
    const head = collect({ seed: 5, customers: 20, now: NOW });
    const tail = collect({ seed: 5, customers: 10, now: NOW, startIndex: 20 });
    expect(tail.merchants).toHaveLength(0);
    expect([...head.customers, ...tail.customers]).toEqual(whole.customers);
    expect([...head.orders, ...tail.orders]).toEqual(whole.orders);
  });

  it('yields batches of bounded size', () => {
    let batches = 0;
    for (const batch of generateDemoCompany({ seed: 1, customers: 25, now: NOW, batchSize: 10 })) {
      expect(batch.customerCount).toBeLessThanOrEqual(10);
      expect(batch.rows.customers).toHaveLength(batch.customerCount);
      batches++;
    }
    expect(batches).toBe(4); // the catalog, then 10 + 10 + 5 customers
  });

  it('starts with the two demo customers, the same for every seed', () => {
    const a = collect({ seed: 1, customers: 3, now: NOW });
    const b = collect({ seed: 999, customers: 3, now: NOW });
    expect(a.customers.slice(0, 2).map((c) => [c.given_name, c.family_name, c.email, c.locale])).toEqual([
      ['Alex', 'Morgan', 'alex.morgan@example.com', 'en-US'],
      ['Elsa', 'Lindqvist', 'elsa.lindqvist@example.se', 'sv-SE'],
    ]);
    expect(a.customers.slice(0, 2)).toEqual(b.customers.slice(0, 2));
    expect(DEMO_CUSTOMERS.map((d) => d.email)).toEqual([
      'alex.morgan@example.com',
      'elsa.lindqvist@example.se',
    ]);
  });

  it('gives each demo customer the scenarios demos rely on', () => {
    const rows = collect({ seed: 1, customers: 2, now: NOW });
    const today = NOW.toISOString().slice(0, 10);
    for (const customer of rows.customers) {
      const plans = rows.payment_plans.filter((p) => p.customer_id === customer.id);
      const orders = rows.orders.filter((o) => o.customer_id === customer.id);
      const activePayIn4 = plans.find(
        (p) =>
          p.kind === 'pay_in_4' &&
          p.status === 'active' &&
          rows.installments.some((i) => i.plan_id === p.id && i.status === 'scheduled' && i.due_date > today),
      );
      expect(activePayIn4, customer.email).toBeDefined();
      expect(orders.some((o) => o.status === 'completed')).toBe(true);
      expect(plans.some((p) => p.kind === 'financing' && p.apr_bps > 0 && p.status === 'active')).toBe(true);
      expect(
        rows.refunds.some((r) => r.customer_id === customer.id && r.status === 'processed'),
        customer.email,
      ).toBe(true);
    }
  });

  it('keeps card data tokenised and ledger amounts whole', () => {
    const rows = collect({ seed: 3, customers: 200, now: NOW });
    for (const m of rows.payment_methods) {
      expect(m.last4).toMatch(/^\d{4}$/);
      expect(Object.keys(m)).not.toContain('number');
    }
    for (const plan of rows.payment_plans) {
      const sum = rows.installments
        .filter((i) => i.plan_id === plan.id)
        .reduce((s, i) => s + i.amount_minor, 0);
      expect(sum).toBe(plan.principal_minor);
    }
    for (const table of SEED_TABLES) {
      for (const row of rows[table] as object[]) {
        for (const value of Object.values(row)) {
          if (typeof value === 'number') expect(Number.isInteger(value)).toBe(true);
        }
      }
    }
    expect(new Set(rows.customers.map((c) => c.email.toLowerCase())).size).toBe(rows.customers.length);
    expect(new Set(rows.orders.map((o) => o.reference)).size).toBe(rows.orders.length);
  });

  it('mixes both markets and shares few devices between customers', () => {
    const rows = collect({ seed: 8, customers: 2_000, now: NOW });
    const us = rows.customers.filter((c) => c.country === 'US').length / rows.customers.length;
    expect(us).toBeGreaterThan(0.45);
    expect(us).toBeLessThan(0.65);
    const perDevice = new Map<string, number>();
    for (const link of rows.customer_devices)
      perDevice.set(link.device_id, (perDevice.get(link.device_id) ?? 0) + 1);
    const shared = [...perDevice.values()].filter((n) => n > 1).length;
    expect(shared).toBeGreaterThan(0);
    expect(shared / perDevice.size).toBeLessThan(0.03);
  });
});
