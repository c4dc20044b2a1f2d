/**
 * Map layers drawn from the CIM ({@code districts}, {@code roads}, {@code buildings}, {@code
 * pois}, the synthetic {@code population}) and their RFC 7946 GeoJSON encoding. Plain Java.
 */
package io.citytwin.twin.layer;
