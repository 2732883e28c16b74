import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A date column, kept as an ISO `YYYY-MM-DD` string so no time zone can shift it. */
type DateOnly = string;
type Json = ColumnType<unknown, string | undefined | null, string | null>;
/** A nullable column that may be left out on insert. */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;
/** A column with a database default: may be left out on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type CustomerStatus = 'active' | 'locked' | 'closed';
export type Country = 'US' | 'SE';
export type Currency = 'USD' | 'SEK';
export type PlanKind = 'pay_in_4' | 'pay_in_30' | 'financing';
export type PlanStatus = 'active' | 'paused' | 'completed' | 'cancelled' | 'defaulted';
export type InstallmentStatus = 'scheduled' | 'paid' | 'late' | 'failed' | 'paused' | 'cancelled' | 'waived';
export type OrderStatus = 'active' | 'completed' | 'cancelled' | 'refunded' | 'partially_refunded';
export type PaymentStatus = 'succeeded' | 'failed' | 'pending' | 'refunded';
export type DisputeReason =
  | 'item_not_received'
  | 'not_as_described'
  | 'unrecognized'
  | 'duplicate'
  | 'cancelled_order'
  | 'other';
export type DisputeStatus = 'open' | 'under_review' | 'resolved_customer' | 'resolved_merchant' | 'withdrawn';
export type ReturnStatus = 'requested' | 'in_transit' | 'received' | 'rejected';
export type RefundStatus = 'pending' | 'processed' | 'failed';
export type StaffRole = 'admin' | 'supervisor' | 'agent' | 'insights_reviewer' | 'product' | 'fraud_analyst';
export type ActorType = 'staff' | 'customer' | 'api_key' | 'system' | 'ai';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export const STAFF_ROLES: readonly StaffRole[] = [
  'admin',
  'supervisor',
  'agent',
  'insights_reviewer',
  'product',
  'fraud_analyst',
];

export interface CustomersTable {
  id: string;
  given_name: string;
  family_name: string;
  email: string;
  phone: string | null;
  country: Country;
  locale: string;
  date_of_birth: DateOnly | null;
  address_line: string | null;
  city: string | null;
  postal_code: string | null;
  status: ColumnType<CustomerStatus, CustomerStatus | undefined, CustomerStatus>;
  status_reason: string | null;
  credit_limit_minor: number;
  currency: Currency;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PaymentMethodsTable {
  id: string;
  customer_id: string;
  kind: 'card' | 'bank_account';
  brand: string;
  last4: string;
  exp_month: number | null;
  exp_year: number | null;
  fingerprint: string;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<'active' | 'removed' | 'expired', 'active' | 'removed' | 'expired' | undefined>;
  created_at: Timestamp;
}

export interface MerchantsTable {
  id: string;
  name: string;
  category: string;
  country: string;
  website: string | null;
  status: ColumnType<'active' | 'suspended', 'active' | 'suspended' | undefined>;
  created_at: Timestamp;
}

export interface ProductsTable {
  id: string;
  merchant_id: string;
  sku: string;
  name: string;
  category: string;
  price_minor: number;
  currency: Currency;
  created_at: Timestamp;
}

export interface DevicesTable {
  id: string;
  fingerprint: string;
  platform: 'ios' | 'android' | 'web';
  user_agent: string | null;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface CustomerDevicesTable {
  customer_id: string;
  device_id: string;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface LoginsTable {
  id: string;
  customer_id: string;
  device_id: string | null;
  ip: string | null;
  country: string | null;
  success: boolean;
  occurred_at: Timestamp;
}

export interface OrdersTable {
  id: string;
  reference: string;
  customer_id: string;
  merchant_id: string;
  status: OrderStatus;
  total_minor: number;
  currency: Currency;
  channel: 'online' | 'in_store' | 'app';
  device_id: string | null;
  placed_at: ColumnType<Date, Date | string, Date | string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderItemsTable {
  id: string;
  order_id: string;
  product_id: string | null;
  description: string;
  quantity: number;
  unit_price_minor: number;
  total_minor: number;
}

export interface PaymentPlansTable {
  id: string;
  order_id: string;
  customer_id: string;
  kind: PlanKind;
  status: PlanStatus;
  principal_minor: number;
  currency: Currency;
  apr_bps: ColumnType<number, number | undefined, number>;
  term_months: number | null;
  installment_count: number;
  payment_method_id: string | null;
  paused_reason: string | null;
  postponements_used: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InstallmentsTable {
  id: string;
  plan_id: string;
  seq: number;
  due_date: DateOnly;
  amount_minor: number;
  paid_minor: ColumnType<number, number | undefined, number>;
  status: InstallmentStatus;
  paid_at: NullableTimestamp;
}

export interface PaymentsTable {
  id: string;
  plan_id: string;
  installment_id: string | null;
  customer_id: string;
  payment_method_id: string | null;
  amount_minor: number;
  currency: Currency;
  status: PaymentStatus;
  failure_code: string | null;
  failure_reason: string | null;
  idempotency_key: string | null;
  attempted_at: Timestamp;
}

export interface LateFeesTable {
  id: string;
  installment_id: string;
  plan_id: string;
  customer_id: string;
  amount_minor: number;
  currency: Currency;
  status: 'charged' | 'paid' | 'waived';
  waived_reason: string | null;
  assessed_at: Timestamp;
}

export interface ReturnsTable {
  id: string;
  order_id: string;
  customer_id: string;
  status: ReturnStatus;
  reason: string;
  tracking_number: string | null;
  requested_at: Timestamp;
  updated_at: Timestamp;
}

export interface RefundsTable {
  id: string;
  order_id: string;
  return_id: string | null;
  customer_id: string;
  amount_minor: number;
  currency: Currency;
  status: RefundStatus;
  reason: string;
  created_at: Timestamp;
  processed_at: NullableTimestamp;
}

export interface DisputesTable {
  id: string;
  order_id: string;
  customer_id: string;
  reason: DisputeReason;
  status: DisputeStatus;
  amount_minor: number;
  currency: Currency;
  description: string | null;
  opened_at: Timestamp;
  resolved_at: NullableTimestamp;
}

export interface KbArticlesTable {
  id: string;
  slug: string;
  locale: string;
  title: string;
  body_markdown: string;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  updated_at: Timestamp;
}

export interface StaffUsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  roles: StaffRole[];
  status: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined>;
  failed_login_count: ColumnType<number, number | undefined, number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StaffSessionsTable {
  id: string;
  staff_user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: NullableTimestamp;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email_hash: string;
  ip: string | null;
  success: boolean;
  attempted_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_type: ActorType;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json;
  after: Json;
  reason: string | null;
  request_id: string | null;
  occurred_at: Timestamp;
}

export interface JobsTable {
  id: Generated<number>;
  queue: string;
  payload: Json;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  run_at: Timestamp;
  locked_by: string | null;
  locked_at: NullableTimestamp;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface AppSettingsTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
}

export interface LiveEventPayloadsTable {
  id: Generated<number>;
  event: Json;
  created_at: Timestamp;
}

export interface ConversationsTable {
  id: string;
  customer_id: string | null;
  channel: 'chat' | 'hotline';
  status: ColumnType<
    'bot' | 'waiting_for_human' | 'with_human' | 'closed',
    'bot' | 'waiting_for_human' | 'with_human' | 'closed' | undefined,
    'bot' | 'waiting_for_human' | 'with_human' | 'closed'
  >;
  language: string;
  assistant_state: ColumnType<unknown, string | undefined, string>;
  handoff: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: NullableTimestamp;
  queue: Optional<string>;
  priority: Optional<HandoffPriority>;
  required_skills: Defaulted<string[]>;
  waiting_since: NullableTimestamp;
  assigned_agent_id: Optional<string>;
  assigned_at: NullableTimestamp;
  first_human_reply_at: NullableTimestamp;
  handoff_summary: Json;
  resolution_code: Optional<string>;
  callback_requested_at: NullableTimestamp;
}

export interface ConversationMessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  role: 'customer' | 'assistant' | 'agent' | 'system';
  text: string;
  citations: Json;
  client_message_id: string | null;
  created_at: Timestamp;
  /** Set by the analytics copy job once a redacted copy exists. */
  analytics_copied_at: NullableTimestamp;
  /** The agent who wrote an `agent` message. */
  agent_id: Optional<string>;
}

export type HandoffPriority = 'normal' | 'high' | 'urgent';
export type AgentCertification = 'trainee' | 'certified' | 'senior';
export type AgentStatus = 'pending' | 'approved' | 'suspended';
export type OfferStatus = 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn';

export interface AgentsTable {
  id: string;
  staff_user_id: string;
  display_name: string;
  languages: string[];
  skills: Defaulted<string[]>;
  certification: Defaulted<AgentCertification>;
  status: Defaulted<AgentStatus>;
  max_concurrent: Defaulted<number>;
  approved_by: Optional<string>;
  approved_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AgentPresenceTable {
  agent_id: string;
  online: Defaulted<boolean>;
  last_heartbeat_at: NullableTimestamp;
  online_since: NullableTimestamp;
  last_assigned_at: NullableTimestamp;
}

export interface DispatchOffersTable {
  id: string;
  conversation_id: string;
  agent_id: string;
  status: Defaulted<OfferStatus>;
  offered_at: Date | string;
  expires_at: Date | string;
  answered_at: NullableTimestamp;
  decline_reason: Optional<string>;
}

export interface AgentEarningsTable {
  id: string;
  agent_id: string;
  conversation_id: Optional<string>;
  kind: 'conversation' | 'incentive' | 'adjustment';
  amount_minor: number;
  currency: string;
  created_at: Timestamp;
}

export interface DemandNotificationsTable {
  id: string;
  agent_id: string;
  skill: Optional<string>;
  language: Optional<string>;
  incentive_minor: Defaulted<number>;
  currency: string;
  created_at: Timestamp;
}

export interface ConversationNotesTable {
  id: string;
  conversation_id: string;
  author_staff_id: string;
  text: string;
  created_at: Timestamp;
  /** When the insights job looked at the note for feedback. */
  feedback_extracted_at: NullableTimestamp;
}

export interface ConversationRatingsTable {
  conversation_id: string;
  score: number;
  comment: Optional<string>;
  handled_by: 'ai' | 'human';
  agent_id: Optional<string>;
  created_at: Timestamp;
  /** When the insights job looked at the comment for feedback. */
  feedback_extracted_at: NullableTimestamp;
}

export interface AnalyticsTranscriptMessagesTable {
  message_id: string;
  conversation_id: string;
  seq: number;
  role: string;
  channel: string;
  language: string;
  /** Personal data replaced by placeholders. */
  text: string;
  redactions: Json;
  created_at: Date;
  /** When the insights job looked at the message for feedback (customer messages only). */
  feedback_extracted_at: NullableTimestamp;
}

export type HotlineCallChannel = 'phone' | 'browser' | 'chat';
export type HotlineCallEndReason =
  | 'completed'
  | 'caller_hung_up'
  | 'stream_error'
  | 'no_start'
  | 'idle_timeout'
  | 'server_shutdown';
export type FeedbackKind = 'bug' | 'feature_request' | 'complaint' | 'praise' | 'question';

export interface HotlinePersonasTable {
  id: string;
  name: string;
  definition: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
  updated_by: Optional<string>;
}

export interface HotlineCallsTable {
  id: string;
  persona_id: string;
  channel: HotlineCallChannel;
  language: string;
  market: Optional<string>;
  to_number: Optional<string>;
  from_number_masked: Optional<string>;
  carrier_call_id: Optional<string>;
  stream_id: Optional<string>;
  conversation_id: Optional<string>;
  status: Defaulted<'active' | 'ended'>;
  end_reason: Optional<HotlineCallEndReason>;
  consent_notice: string;
  interview_state: ColumnType<unknown, string | undefined, string>;
  summary: Optional<string>;
  wants_follow_up: Optional<boolean>;
  audio_path: Optional<string>;
  audio_expires_at: NullableTimestamp;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  updated_at: Timestamp;
}

export interface HotlineTurnsTable {
  call_id: string;
  seq: number;
  speaker: 'caller' | 'persona';
  text: string;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  passage_id: Optional<string>;
  interrupted: Defaulted<boolean>;
  end_of_turn_ms: Optional<number>;
  recognition_ms: Optional<number>;
  reply_ms: Optional<number>;
  synthesis_ms: Optional<number>;
  first_audio_ms: Optional<number>;
}

export interface HotlineFeedbackItemsTable {
  id: string;
  call_id: string;
  kind: FeedbackKind;
  summary: string;
  quote: string;
  language: string;
  created_at: Timestamp;
}

export type FeedbackSource = 'hotline_call' | 'chat' | 'csat' | 'agent_note' | 'import' | 'api';
export const FEEDBACK_SOURCES: readonly FeedbackSource[] = [
  'hotline_call',
  'chat',
  'csat',
  'agent_note',
  'import',
  'api',
];
export const FEEDBACK_KINDS: readonly FeedbackKind[] = [
  'bug',
  'feature_request',
  'complaint',
  'praise',
  'question',
];
export type FeedbackSentiment = 'negative' | 'neutral' | 'positive';
export type FeedbackUrgency = 'low' | 'normal' | 'high';

export interface FeedbackItemsTable {
  id: string;
  source: FeedbackSource;
  source_ref: string;
  source_label: Optional<string>;
  source_link: Optional<string>;
  /** Verbatim, personal data redacted. */
  quote: string;
  language: string;
  kind: FeedbackKind;
  product_area: string;
  sentiment: FeedbackSentiment;
  sentiment_score: number;
  urgency: FeedbackUrgency;
  customer_id: Optional<string>;
  wants_follow_up: Defaulted<boolean>;
  theme_id: Optional<string>;
  import_id: Optional<string>;
  dedupe_key: string;
  occurred_at: Timestamp;
  created_at: Timestamp;
}

export interface FeedbackImportsTable {
  id: string;
  source_label: string;
  file_name: Optional<string>;
  rows_read: Defaulted<number>;
  imported: Defaulted<number>;
  duplicates: Defaulted<number>;
  /** Skipped rows counted by reason. */
  skipped: ColumnType<Record<string, number>, string | undefined, string>;
  recoded: Defaulted<number>;
  created_by: string;
  created_at: Timestamp;
}

export type InsightThemeStatus = 'draft' | 'validated' | 'rejected' | 'merged';
export type InsightDecision = 'planned' | 'wont_do' | 'needs_research' | 'shipped';
export const INSIGHT_DECISIONS: readonly InsightDecision[] = [
  'planned',
  'wont_do',
  'needs_research',
  'shipped',
];
export type InsightChannel = 'webhook' | 'slack' | 'github' | 'jira' | 'linear';
export type InsightDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface InsightTeamsTable {
  id: string;
  name: string;
  product_areas: ColumnType<string[], string[] | undefined, string[]>;
  webhook_url: Optional<string>;
  webhook_secret: Optional<string>;
  slack_webhook_url: Optional<string>;
  tracker: Json;
  updated_at: Timestamp;
}

export interface InsightThemesTable {
  id: string;
  label: string;
  summary: Optional<string>;
  status: Defaulted<InsightThemeStatus>;
  product_area: Optional<string>;
  language_mix: ColumnType<Record<string, number>, string | undefined, string>;
  item_count: Defaulted<number>;
  first_feedback_at: NullableTimestamp;
  last_feedback_at: NullableTimestamp;
  model_theme_id: Optional<number>;
  merged_into: Optional<string>;
  validated_by: Optional<string>;
  validated_at: NullableTimestamp;
  rejected_reason: Optional<string>;
  team_id: Optional<string>;
  decision: Optional<InsightDecision>;
  decision_note: Optional<string>;
  decided_by: Optional<string>;
  decided_at: NullableTimestamp;
  sla_warned_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InsightThemeModelTable {
  id: number;
  version: number;
  space_id: string;
  space: string;
  themes: string;
  next_id: number;
  updated_at: Timestamp;
}

export interface InsightDeliveriesTable {
  id: string;
  theme_id: string;
  team_id: string;
  channel: InsightChannel;
  status: Defaulted<InsightDeliveryStatus>;
  attempts: Defaulted<number>;
  last_error: Optional<string>;
  response_status: Optional<number>;
  external_ref: Optional<string>;
  delivered_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface InsightDecisionsTable {
  id: string;
  theme_id: string;
  decision: InsightDecision;
  note: string;
  decided_by: Optional<string>;
  decided_at: Timestamp;
}

export interface InsightFollowUpsTable {
  id: string;
  theme_id: string;
  feedback_item_id: string;
  customer_id: Optional<string>;
  hotline_call_id: Optional<string>;
  channel: 'conversation' | 'hotline_caller';
  status: Defaulted<'pending' | 'sent'>;
  message: string;
  conversation_id: Optional<string>;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export interface DB {
  customers: CustomersTable;
  payment_methods: PaymentMethodsTable;
  merchants: MerchantsTable;
  products: ProductsTable;
  devices: DevicesTable;
  customer_devices: CustomerDevicesTable;
  logins: LoginsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  payment_plans: PaymentPlansTable;
  installments: InstallmentsTable;
  payments: PaymentsTable;
  late_fees: LateFeesTable;
  returns: ReturnsTable;
  refunds: RefundsTable;
  disputes: DisputesTable;
  kb_articles: KbArticlesTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  login_attempts: LoginAttemptsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  app_settings: AppSettingsTable;
  live_event_payloads: LiveEventPayloadsTable;
  conversations: ConversationsTable;
  conversation_messages: ConversationMessagesTable;
  analytics_transcript_messages: AnalyticsTranscriptMessagesTable;
  agents: AgentsTable;
  agent_presence: AgentPresenceTable;
  dispatch_offers: DispatchOffersTable;
  agent_earnings: AgentEarningsTable;
  demand_notifications: DemandNotificationsTable;
  conversation_notes: ConversationNotesTable;
  conversation_ratings: ConversationRatingsTable;
  hotline_personas: HotlinePersonasTable;
  hotline_calls: HotlineCallsTable;
  hotline_turns: HotlineTurnsTable;
  hotline_feedback_items: HotlineFeedbackItemsTable;
  feedback_items: FeedbackItemsTable;
  feedback_imports: FeedbackImportsTable;
  insight_teams: InsightTeamsTable;
  insight_themes: InsightThemesTable;
  insight_theme_model: InsightThemeModelTable;
  insight_deliveries: InsightDeliveriesTable;
  insight_decisions: InsightDecisionsTable;
  insight_follow_ups: InsightFollowUpsTable;
}

export type Customer = Selectable<CustomersTable>;
export type NewCustomer = Insertable<CustomersTable>;
export type CustomerUpdate = Updateable<CustomersTable>;
export type Order = Selectable<OrdersTable>;
export type PaymentPlan = Selectable<PaymentPlansTable>;
export type Installment = Selectable<InstallmentsTable>;
export type StaffUser = Selectable<StaffUsersTable>;
export type ApiKey = Selectable<ApiKeysTable>;
