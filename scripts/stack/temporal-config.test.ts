import { devServerConfigFlags, parseDynamicConfig, readSearchAttributes } from './temporal-config';

describe('dynamic config translation for the dev server', () => {
  it('turns each key and its single value into a JSON flag value', () => {
    const yaml = [
      '# comment',
      'frontend.enableServerVersionCheck:',
      '  - value: false',
      'limit.maxIDLength:',
      '  - value: 255 # trailing comment',
      '    constraints: {}',
      'some.stringKey:',
      '  - value: hello',
    ].join('\n');
    expect(parseDynamicConfig(yaml)).toEqual([
      ['frontend.enableServerVersionCheck', 'false'],
      ['limit.maxIDLength', '255'],
      ['some.stringKey', '"hello"'],
    ]);
  });

  it('refuses constraints it cannot express as a flag', () => {
    const yaml = [
      'history.maxAutoResetPoints:',
      '  - value: 20',
      '    constraints:',
      '      namespace: x',
    ].join('\n');
    expect(() => parseDynamicConfig(yaml)).toThrow(/outside the subset/);
  });

  it('refuses a key without a value', () => {
    expect(() => parseDynamicConfig('a.b:\nc.d:\n  - value: 1')).toThrow(/a\.b has no "- value:" item/);
  });

  it('reads the repository files into start-dev flags', () => {
    const flags = devServerConfigFlags();
    expect(flags).toEqual(expect.arrayContaining(['--search-attribute', 'TenantId=Keyword']));
    expect(flags).toEqual(
      expect.arrayContaining(['--dynamic-config-value', 'frontend.enableServerVersionCheck=false']),
    );
    expect(Object.keys(readSearchAttributes())).toEqual([
      'TenantId',
      'EntityType',
      'EntityId',
      'EntityStatus',
      'CreatedBy',
    ]);
  });
});
