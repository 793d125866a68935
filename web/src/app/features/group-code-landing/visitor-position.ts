export interface VisitorPosition {
  latitude: number;
  longitude: number;
}

/** How long the visitor may take to answer the browser's location prompt before the page goes on without. */
const POSITION_TIMEOUT_MS = 8000;

/**
 * The visitor's position for 位置就近分配策略, or undefined when the browser has no geolocation, the visitor
 * refuses, or no fix comes in time: the server then uses the 溢出 order (I-19).
 */
export function positionOrNothing(): Promise<VisitorPosition | undefined> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (fix) => resolve({ latitude: fix.coords.latitude, longitude: fix.coords.longitude }),
      () => resolve(undefined),
      { timeout: POSITION_TIMEOUT_MS, maximumAge: 5 * 60 * 1000 },
    );
  });
}
