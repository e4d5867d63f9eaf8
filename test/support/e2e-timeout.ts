// Jest reads `testTimeout` from the root config only, not from a project: each tier sets its own here.
jest.setTimeout(60_000);
