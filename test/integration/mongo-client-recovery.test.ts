import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../../lib/db/connect';
import { eventually } from '../support/app-harness';
import { isolatedMongoUrl } from '../support/stack-env';
import { startTcpRelay, throughRelay, type TcpRelay } from '../support/tcp-relay';

const Beat = mongoose.model('RecoveryBeat', new mongoose.Schema({ writer: Number, at: Date }));

/**
 * The process's MongoDB client when every socket to the server drops at once (a restart, a network blip), as
 * under the outage tests' workers. The driver's monitor can hang for good then (lib/db/hung-heartbeat.ts): here
 * it did in one run of three of this test without the watch (and in most runs of a plain script), and every
 * query then failed long after the server was back. Short timeouts in the URL bring the watch's deadline down to
 * seconds.
 */
describe('the MongoDB client after every connection dropped at once', () => {
  let relay: TcpRelay;
  let writing = true;
  const failures: string[] = [];
  let writes = 0;

  beforeAll(async () => {
    const direct = new URL(isolatedMongoUrl('mongo-client-recovery'));
    relay = await startTcpRelay({ host: direct.hostname, port: Number(direct.port) });
    const url = new URL(throughRelay(direct.toString(), relay));
    url.searchParams.set('connectTimeoutMS', '1000');
    url.searchParams.set('heartbeatFrequencyMS', '500');
    await connectDatabase(url.toString(), '');
  });

  afterAll(async () => {
    writing = false;
    await disconnectDatabase();
    await relay.close();
  });

  it('reaches the server again once it is back, while writers keep writing', async () => {
    // Writers busy on the client when the sockets drop: one of their errors starts the heartbeat that hangs.
    const writers = [1, 2, 3, 4, 5, 6].map(async (writer) => {
      while (writing) {
        try {
          await Beat.create({ writer, at: new Date() });
          await Beat.findOne({ writer }).lean();
          writes += 1;
        } catch (error) {
          failures.push((error as Error).message);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    relay.cut();
    await eventually(async () => failures.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    relay.restore();

    const before = writes;
    await eventually(async () => writes >= before + 20, 30_000);
    writing = false;
    await Promise.all(writers);
  });
});
