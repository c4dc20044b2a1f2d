/** Strict JSON field access shared by the file and message parsers of the twin. */
package io.citytwin.twin.json;
