/**
 * Dated, seeded activity in a simulated corp for the statistics tests: the same days on every run, and a record
 * of what was done from which the tests compute their expected figures independently of what they check.
 */
import { archiveScenario } from './sim-client';

export const DAY = 86_400;
const CHINA_OFFSET = 8 * 3600;

/** Seconds at 00:00 China time of the day holding `seconds`. */
export const chinaDay = (seconds: number) => Math.floor((seconds + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;

/** Seconds at minute `minute` of `day` (00:00 China time). */
export const atMinute = (day: number, minute: number) => day + minute * 60;

/** A small seeded generator (mulberry32), with the two ways the tests draw from it. */
export function seededRandom(seed: number) {
  let state = seed;
  const rand = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pickSome = <T>(list: readonly T[], count: number): T[] =>
    [...list].sort(() => rand() - 0.5).slice(0, Math.min(count, list.length));
  return { rand, between, pickSome };
}

/** One archived message as the test sent it. */
export interface MessageRecord {
  from: string;
  to: string;
  roomid?: string;
  /** Seconds. */
  at: number;
}

/**
 * Archives dated text messages in the simulator and records them; `conversation` is one single chat of a day
 * with a known first-reply time: the customer starts it (60%) and the member answers (70%) after 1–150 minutes
 * and some seconds, or the member starts it and the customer may answer.
 */
export function chatRecorder(corpId: () => string, random: ReturnType<typeof seededRandom>) {
  const { rand, between } = random;
  const messages: MessageRecord[] = [];
  let lastSeq = 0;

  async function say(from: string, to: string, at: number, roomid?: string) {
    ({ seq: lastSeq } = await archiveScenario.archiveMessage(corpId(), {
      from,
      tolist: [to],
      ...(roomid ? { roomid } : {}),
      msgtime: at * 1000,
      msgtype: 'text',
      body: { content: `${from}: ${at}` },
    }));
    messages.push({ from, to, roomid, at });
  }

  async function conversation(userid: string, customer: string, start: number) {
    let t = start;
    if (rand() < 0.6) {
      for (let n = between(1, 2); n > 0; n -= 1) await say(customer, userid, (t += 60));
      if (rand() < 0.7) {
        await say(userid, customer, (t += between(1, 150) * 60 + between(0, 59)));
        for (let n = between(0, 2); n > 0; n -= 1) await say(userid, customer, (t += 60));
      }
    } else {
      for (let n = between(1, 2); n > 0; n -= 1) await say(userid, customer, (t += 60));
      if (rand() < 0.5) await say(customer, userid, (t += between(1, 30) * 60));
    }
  }

  return { messages, say, conversation, lastSeq: () => lastSeq };
}
