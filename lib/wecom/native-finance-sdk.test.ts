import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { chatArchiveSdkFor } from './chat-archive-sdk-for';
import { NativeFinanceSdk } from './native-finance-sdk';
import { SimulatorFinanceSdk } from './simulator-finance-sdk';

describe('the native Finance SDK adapter', () => {
  it('is not available, with the reason, when no library is configured', () => {
    const choice = chatArchiveSdkFor({ wecomApiBase: 'https://qyapi.weixin.qq.com' });
    expect(choice).toEqual({ available: false, reason: expect.stringContaining('WECOM_FINANCE_SDK_PATH') });
  });

  it('is not available when the configured library file is missing', () => {
    const choice = NativeFinanceSdk.load('/nonexistent/libWeWorkFinanceSdk_C.so');
    expect(choice).toEqual({ available: false, reason: expect.stringContaining('文件不存在') });
  });

  it('is not available when koffi is missing or the library does not load, and nothing throws', () => {
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'finance-sdk-')),
      'libWeWorkFinanceSdk_C.so',
    );
    fs.writeFileSync(file, 'not a shared object');
    const withoutKoffi = NativeFinanceSdk.load(file, () => {
      throw new Error("Cannot find module 'koffi'");
    });
    expect(withoutKoffi).toEqual({ available: false, reason: expect.stringContaining('koffi') });
    const brokenLibrary = NativeFinanceSdk.load(file, () => ({
      load: () => {
        throw new Error('invalid ELF header');
      },
      decode: () => '',
      view: () => new ArrayBuffer(0),
    }));
    expect(brokenLibrary).toEqual({
      available: false,
      reason: expect.stringContaining('invalid ELF header'),
    });
  });

  it('leaves the simulator to its own adapter', () => {
    const choice = chatArchiveSdkFor({ wecomApiBase: 'http://127.0.0.1:3001' });
    expect(choice.available && choice.sdk).toBeInstanceOf(SimulatorFinanceSdk);
  });
});
