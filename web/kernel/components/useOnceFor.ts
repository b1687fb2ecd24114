import { useEffect, useRef } from "react";

/**
 * Runs `effect` once for each new value: a passkey ceremony must answer a set of options once,
 * even when the fetcher that brought them shows the same data again after a later submission
 * (a second ceremony would make a second passkey and replace the first on the device).
 */
export function useOnceFor<T>(value: T | undefined, effect: (value: T) => void): void {
  const done = useRef<T | undefined>(undefined);
  useEffect(() => {
    if (value === undefined || done.current === value) return;
    done.current = value;
    effect(value);
    // Only a new value starts the effect again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
}
