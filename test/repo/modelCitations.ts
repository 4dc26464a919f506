/**
 * Code comments cite the written-down model by section number ("docs/MODEL.md section 4", "sections 1 and 4"); these
 * helpers read the citations out of a text and the numbered headings out of the model, so a test can hold the two
 * together when either moves.
 */
import { lineLocator } from './lines';

/** Between words a citation may run over a comment's line break: spaces, newlines, and the `*` or `//` that lead lines. */
const GAP = String.raw`[\s*/#]+`;
const LIST_SEPARATOR = String.raw`(?:[\s*/#]*,[\s*/#]*|${GAP}(?:and|or|to)${GAP})`;
const CITATION = new RegExp(String.raw`\bMODEL\.md(?:'s)?${GAP}sections?${GAP}(\d+(?:${LIST_SEPARATOR}\d+)*)`, 'g');

export interface SectionCitation {
  /** 1-based line where the citation starts. */
  line: number;
  /** the section numbers cited. */
  sections: number[];
  /** the citation as written, line breaks folded. */
  text: string;
}

/** Every citation of a numbered section of the model in a text. */
export function sectionCitationsIn(text: string): SectionCitation[] {
  const lineOf = lineLocator(text);
  return [...text.matchAll(CITATION)].map((match) => ({
    line: lineOf(match.index),
    sections: (match[1].match(/\d+/g) ?? []).map(Number),
    text: match[0].replace(/\s*\n[\s*/]*/g, ' '),
  }));
}

/** The numbers of the model's numbered top-level headings (`## 3. The two-timescale limit`), in order. */
export function numberedSections(markdown: string): number[] {
  return [...markdown.matchAll(/^## (\d+)\. /gm)].map((match) => Number(match[1]));
}
