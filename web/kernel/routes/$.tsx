import { data } from "@remix-run/cloudflare";

/** Any path no route claims: the branded, translated 404 of the root error boundary. */
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
