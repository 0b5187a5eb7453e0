import { identifierFromTitle } from '../language/journey-names.js';
import { quote } from '../language/journey-value-converter.js';

/**
 * The text of a new journey map: a persona, a channel, a metric and a three-stage journey
 * that checks clean, so the writer starts from something valid and edits it.
 */
export function journeyScaffold(title: string): string {
    const name = identifierFromTitle(title, 'Journey');
    return `/** Who this journey is about. */
persona Customer "Our customer" {
  role "What they do"
  goal "What they want to achieve"
  frustration "What gets in their way"
}

channel Web "Website" online

metric csat "CSAT" scale 1..5 target >= 4

journey ${name} ${quote(title)} {
  persona Customer
  emotion scale 1..5

  stage Awareness "意识 Awareness" {
    step Discover "Hears about us" {
      channel Web
      emotion 3 curious
    }
  }

  stage Purchase "购买 Purchase" {
    step Buy "Buys" {
      channel Web
      emotion 4 relieved
      moment of truth "The price matches what was promised"
    }
  }

  stage Use "使用 Use" {
    step FirstUse "Uses it for the first time" {
      channel Web
      emotion 4 pleased
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
