import { createContext, useContext } from "react";

/** The request's CSP nonce, so inline scripts and styles Remix renders are allowed to run. */
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
