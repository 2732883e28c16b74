import { z } from 'zod';
import { currencySchema } from '../orders/order-views.js';

/** A stored payment method as customers and staff see it: brand and last four digits, never the token. */
export const paymentMethodViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['card', 'bank_account']),
  brand: z.string(),
  last4: z.string(),
  isDefault: z.boolean(),
  status: z.enum(['active', 'removed', 'expired']),
});
export type PaymentMethodView = z.infer<typeof paymentMethodViewSchema>;

export const customerStatusSchema = z.enum(['active', 'locked', 'closed']);

export const customerProfileSchema = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  country: z.enum(['US', 'SE']),
  locale: z.string(),
  dateOfBirth: z.string().nullable(),
  address: z.object({
    line: z.string().nullable(),
    city: z.string().nullable(),
    postalCode: z.string().nullable(),
  }),
  status: customerStatusSchema,
  statusReason: z.string().nullable(),
  currency: currencySchema,
  creditLimitMinor: z.number().int(),
  /** Unpaid installments plus charged late fees. */
  outstandingMinor: z.number().int(),
  /** Credit limit minus unpaid installment principal, never below zero. */
  availableCreditMinor: z.number().int(),
  openDisputes: z.number().int(),
  createdAt: z.string(),
  paymentMethods: z.array(paymentMethodViewSchema),
});
export type CustomerProfile = z.infer<typeof customerProfileSchema>;

export const customerSummarySchema = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  country: z.enum(['US', 'SE']),
  status: customerStatusSchema,
  createdAt: z.string(),
});
export type CustomerSummary = z.infer<typeof customerSummarySchema>;
