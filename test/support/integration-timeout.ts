// Jest reads `testTimeout` from the root config only, not from a project: each tier sets its own here
// (tests and hooks alike, e.g. dropping a test database on a loaded machine).
jest.setTimeout(30_000);
