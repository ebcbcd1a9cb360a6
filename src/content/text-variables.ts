import type { TextValues } from '../core/i18n/translator';
import type { Language } from '../core/languages';
import type { TextVariables } from '../core/dialog/renderer';
import { formatOpeningHours } from './format-hours';
import type { ServiceContent } from './service-content';

/** Settings that texts mention and that do not live in the content file. */
export interface PolicyValues {
  transcriptRetentionDays: number;
}

/** The values every text may use, formatted once per language (hours in the resident's words). */
export function serviceTextVariables(content: ServiceContent, policy: PolicyValues): TextVariables {
  const cache = new Map<Language, TextValues>();
  return (language) => {
    const cached = cache.get(language);
    if (cached) return cached;
    const values: TextValues = {
      digipunt_name: content.digipunt.name,
      digipunt_address: content.digipunt.address,
      digipunt_phone: content.digipunt.phone,
      digipunt_email: content.digipunt.email,
      digipunt_hours: formatOpeningHours(language, content.digipunt.openingHours),
      kringwinkel_name: content.kringwinkel.name,
      kringwinkel_address: content.kringwinkel.address,
      kringwinkel_hours: formatOpeningHours(language, content.kringwinkel.openingHours),
      sociaal_huis_name: content.sociaalHuis.name,
      sociaal_huis_phone: content.sociaalHuis.phone,
      training_partner: content.training.partner,
      loan_years: content.loan.durationYears,
      transcript_days: policy.transcriptRetentionDays,
    };
    cache.set(language, values);
    return values;
  };
}
