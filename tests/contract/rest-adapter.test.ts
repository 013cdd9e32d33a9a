// The shared behavioural suite against RestAdapter talking to a live reference server over real
// HTTP, on PGlite: the same cases MemoryAdapter passes (packages/adapters/src/memory), so the two
// cannot drift.
import { RestAdapter } from '@hansei/adapters';
import { adapterSuite } from '@hansei/adapters/testing';
import { TEST_NOW, databasesUnderTest, seedDemo, startTestApi } from '@hansei/api/testing';

const pglite = databasesUnderTest().find((d) => d.name === 'pglite');
if (!pglite) throw new Error('PGlite is always among the databases under test.');

adapterSuite('RestAdapter on a live API (PGlite)', async () => {
  const api = await startTestApi(() => pglite.open(), { public: { rateLimit: false } });
  await seedDemo(api.db, TEST_NOW);
  return {
    adapter: (role) => new RestAdapter({ baseUrl: api.url, token: () => (role ? api.tokens[role] : null) }),
    setNow: (ms) => api.setNow(ms),
    close: () => api.close(),
  };
});
