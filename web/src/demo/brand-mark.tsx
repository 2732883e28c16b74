/** The demo company's mark (two linked rings), shared by the public demo pages. */
export function BrandMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" width="30" height="30">
      <rect width="32" height="32" rx="10" fill="var(--tp-ink)" />
      <circle cx="12.5" cy="16" r="5.5" fill="none" stroke="var(--tp-accent)" strokeWidth="2.6" />
      <circle cx="19.5" cy="16" r="5.5" fill="none" stroke="#fff" strokeWidth="2.6" />
    </svg>
  );
}
