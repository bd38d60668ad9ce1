/**
 * Where a rule or a number comes from. `title` names the source as a lawyer
 * would cite it ("INA § 316(a)", "8 CFR 316.5(c)(1)"); `href` is a stable
 * public address; `quote` holds the words that matter when they matter.
 */
export interface Citation {
  title: string;
  href: string;
  quote?: string;
}

export function formatCitation(citation: Citation): string {
  return `${citation.title} <${citation.href}>`;
}
