import { VERSION } from '../../src/core/version';
import pkg from '../../package.json';

it('VERSION matches package.json', () => {
  expect(VERSION).toBe(pkg.version);
});
