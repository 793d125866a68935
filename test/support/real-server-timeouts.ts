// Tests against real servers wait on real work (syncs, callbacks, a browser): a minute each by default.
jest.setTimeout(60_000);
