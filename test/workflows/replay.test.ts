// Slow (10 s): it replays every recorded workflow history, each in a replay worker of its own.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { testWorkflowCode } from '../support/test-workflow-code';
import { HISTORIES_DIR } from '../support/record-history';

// Histories recorded from earlier versions of the workflows: today's code must replay them unchanged.
const histories = fs.readdirSync(HISTORIES_DIR).filter((file) => file.endsWith('.json'));

describe('replaying recorded workflow histories', () => {
  it('has recorded histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)('%s replays deterministically', async (file) => {
    const history = JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8'));
    await Worker.runReplayHistory(await testWorkflowCode(), history);
  });
});
