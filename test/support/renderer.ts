import { loadConfig } from '../../src/config';
import { loadServiceContent } from '../../src/content/service-content';
import { serviceTextVariables } from '../../src/content/text-variables';
import { MessageRenderer } from '../../src/core/dialog/renderer';
import { I18nextTranslator, readLocaleResources } from '../../src/core/i18n/translator';

/** The same renderer the app builds, for tests that talk to app processes they do not hold in memory. */
export function testRenderer(): MessageRenderer {
  const config = loadConfig({});
  const translator = new I18nextTranslator(readLocaleResources(config.paths.locales));
  const variables = serviceTextVariables(loadServiceContent(config.paths.content), { transcriptRetentionDays: config.TRANSCRIPT_RETENTION_DAYS });
  return new MessageRenderer(translator, variables);
}
