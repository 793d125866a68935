import { positionOrNothing } from './visitor-position';

describe('the visitor’s position for 位置就近分配策略', () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'geolocation');
  afterEach(() => {
    if (original) Object.defineProperty(navigator, 'geolocation', original);
  });

  function geolocation(answer: (ok: PositionCallback, fail: PositionErrorCallback) => void) {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: answer },
    });
  }

  it('gives the coordinates when the visitor allows it', async () => {
    geolocation((ok) => ok({ coords: { latitude: 31.2, longitude: 121.5 } } as GeolocationPosition));
    await expect(positionOrNothing()).resolves.toEqual({ latitude: 31.2, longitude: 121.5 });
  });

  it('gives nothing when the visitor refuses, so the server falls back to the 溢出 order', async () => {
    geolocation((_ok, fail) => fail({ code: 1 } as GeolocationPositionError));
    await expect(positionOrNothing()).resolves.toBeUndefined();
  });
});
