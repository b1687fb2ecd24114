/** Texts of one capability, Dutch first; nl.ts and en.ts each take their own language. */
export const bookingSetupMessages = {
  nl: {},
  en: {},
};
