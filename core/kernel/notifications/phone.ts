import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/**
 * A mobile number as typed ("06 1234 5678", "+1 212 555 0100") in E.164 form, or null when it is
 * not a valid number. Without a country code it is read as Dutch, the tenants' home country.
 */
export function normalisePhone(input: string): string | null {
  const number = parsePhoneNumberFromString(input.trim(), "NL");
  return number?.isValid() ? number.number : null;
}
