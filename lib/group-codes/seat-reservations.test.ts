import { SeatReservations } from './seat-reservations';

describe('SeatReservations', () => {
  it('gives concurrent scans distinct seats, from the stored hint on', () => {
    const seats = new SeatReservations();
    expect([seats.take('a', 3), seats.take('a', 3), seats.take('a', 0)]).toEqual([3, 4, 5]);
    expect(seats.take('b', 0)).toBe(0);
  });

  it('jumps to a stored hint further than what it handed out', () => {
    const seats = new SeatReservations();
    seats.take('a', 0);
    expect(seats.take('a', 9)).toBe(9);
    expect(seats.take('a', 0)).toBe(10);
  });

  it('hands out seats given back first, lowest first', () => {
    const seats = new SeatReservations();
    for (let i = 0; i < 5; i++) seats.take('a', 0);
    seats.giveBack('a', 3);
    seats.giveBack('a', 1);
    expect([seats.take('a', 0), seats.take('a', 0), seats.take('a', 0)]).toEqual([1, 3, 5]);
  });
});
