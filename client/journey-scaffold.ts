import { identifierFromTitle } from '../model/journey-names.js';
import { quote } from '../model/string-literals.js';
import { t } from '../model/localisation.js';

/**
 * The text of a new journey map: a persona, a channel, a metric and a three-stage journey
 * that checks clean, so the writer starts from something valid and edits it. Its words
 * are in the editor's language (a feeling is a name: its translation must be one too, which
 * the scaffold's test checks).
 */
export function journeyScaffold(title: string): string {
    const name = identifierFromTitle(title, 'Journey');
    return `/** ${t('Who this journey is about.')} */
persona Customer ${quote(t('Our customer'))} {
  role ${quote(t('What they do'))}
  goal ${quote(t('What they want to achieve'))}
  frustration ${quote(t('What gets in their way'))}
}

channel Web ${quote(t('Website'))} online

metric csat "CSAT" scale 1..5 target >= 4

journey ${name} ${quote(title)} {
  persona Customer
  emotion scale 1..5

  stage Awareness "意识 Awareness" {
    step Discover ${quote(t('Hears about us'))} {
      channel Web
      emotion 3 ${t('curious')}
    }
  }

  stage Purchase "购买 Purchase" {
    step Buy ${quote(t('Buys'))} {
      channel Web
      emotion 4 ${t('relieved')}
      moment of truth ${quote(t('The price matches what was promised'))}
    }
  }

  stage Use "使用 Use" {
    step FirstUse ${quote(t('Uses it for the first time'))} {
      channel Web
      emotion 4 ${t('pleased')}
      metric csat = 4.3
    }
  }
}
`;
}

/** A file name from a title: lower case words joined by dashes, CJK kept. */
export function toFileName(title: string): string {
    const slug = title.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean).join('-');
    return `${slug || 'new-journey'}.journey`;
}
