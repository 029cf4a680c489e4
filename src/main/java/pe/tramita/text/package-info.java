/**
 * Rules for text people type, shared by every form: what counts as visible text, what e-mail address can receive
 * mail. Depends on nothing else in Tramita.
 */
package pe.tramita.text;
