/** The axe-core tags of WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules every sweep runs, none disabled. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
