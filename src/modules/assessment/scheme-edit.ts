import { AppError } from '../../shared/errors.ts';
import { DEFAULT_SCHEMES, type Better, type Scheme, type SchemeName } from './domain/index.ts';

export interface IndicatorSettings {
  weight: number;
  floor: number;
  target: number;
  better: Better;
}

/**
 * A scheme with every indicator's settings replaced: every indicator of the scheme must be
 * given, no other name is accepted, and at least one weight must be above 0.
 */
export function editedScheme(name: SchemeName, settings: Record<string, IndicatorSettings>): Scheme {
  const base = DEFAULT_SCHEMES[name];
  const names = base.indicators.map((d) => d.name);
  const unknown = Object.keys(settings).filter((k) => !names.includes(k));
  const missing = names.filter((n) => !(n in settings));
  const details = [
    ...unknown.map((n) => ({ path: `indicators.${n}`, message: `not an indicator of the ${name} scheme` })),
    ...missing.map((n) => ({ path: `indicators.${n}`, message: 'missing: every indicator of the scheme is required' })),
  ];
  if (details.length > 0)
    throw new AppError('invalid_input', details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
  if (names.every((n) => settings[n].weight === 0))
    throw new AppError('invalid_input', 'indicators: at least one indicator needs a weight above 0');
  return { name, indicators: base.indicators.map((d) => ({ ...d, ...settings[d.name] })) };
}
