// Types shared by the widget's JSDoc that JSDoc itself cannot write (a recursive type), for the
// type-checker only (tsconfig.json).

/** What el() and svgEl() take as children: nodes, strings, numbers, arrays of them nested; nothing
 *  (null, undefined, false, '') is skipped. */
export type Child = Node | string | number | null | undefined | false | Child[];
