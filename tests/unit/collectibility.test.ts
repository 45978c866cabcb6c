import { describe, expect, it } from 'vitest';
import {
  collectibilityOf,
  DEFAULT_COLLECTIBILITY,
  parseCollectibilityPreset,
} from '../../src/domain/collectibility.ts';

describe('collectibilityOf, default preset (CONTRACT §5)', () => {
  it.each([
    [0, 'lancar'],
    [90, 'lancar'],
    [91, 'kurang_lancar'],
    [180, 'kurang_lancar'],
    [181, 'diragukan'],
    [270, 'diragukan'],
    [271, 'macet'],
    [5_000, 'macet'],
  ] as const)('%i days past due is %s', (days, expected) => {
    expect(collectibilityOf(days)).toBe(expected);
    expect(collectibilityOf(days, DEFAULT_COLLECTIBILITY)).toBe(expected);
  });
});

describe('a cooperative’s own preset', () => {
  it('moves the boundaries', () => {
    const preset = parseCollectibilityPreset({ lancar: 30, kurang_lancar: 90, diragukan: 180 });
    expect(preset).toEqual({ lancar: 30, kurang_lancar: 90, diragukan: 180 });
    if (preset === undefined) return;
    expect(collectibilityOf(30, preset)).toBe('lancar');
    expect(collectibilityOf(31, preset)).toBe('kurang_lancar');
    expect(collectibilityOf(91, preset)).toBe('diragukan');
    expect(collectibilityOf(181, preset)).toBe('macet');
  });

  it('refuses presets that are not strictly rising non-negative whole days', () => {
    expect(parseCollectibilityPreset({ lancar: 90, kurang_lancar: 90, diragukan: 270 })).toBeUndefined();
    expect(parseCollectibilityPreset({ lancar: 100, kurang_lancar: 90, diragukan: 270 })).toBeUndefined();
    expect(parseCollectibilityPreset({ lancar: -1, kurang_lancar: 90, diragukan: 270 })).toBeUndefined();
    expect(parseCollectibilityPreset({ lancar: 30.5, kurang_lancar: 90, diragukan: 270 })).toBeUndefined();
    expect(parseCollectibilityPreset({ lancar: 30, kurang_lancar: 90 })).toBeUndefined();
    expect(parseCollectibilityPreset({ lancar: 30, kurang_lancar: 90, diragukan: 270, macet: 400 })).toBeUndefined();
    expect(parseCollectibilityPreset('90/180/270')).toBeUndefined();
    expect(parseCollectibilityPreset(null)).toBeUndefined();
  });
});
