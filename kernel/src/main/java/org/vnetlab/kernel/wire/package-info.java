/**
 * Packet wire formats, and nothing else: no protocol logic, no clock, no I/O.
 *
 * <p>Each protocol has two halves, after smoltcp's {@code src/wire/}:
 *
 * <ul>
 *   <li>a <em>view</em> ({@code EthernetFrame}, {@code Ipv4Packet}, ...) over a shared {@code
 *       byte[]} at an offset, with the field offsets in one private table and unchecked getters
 *       and setters. Call {@code checkLen()} before reading a frame that came off the wire. Views
 *       can be re-pointed with {@code wrap(...)} so a data plane can reuse one per layer instead of
 *       allocating per packet.
 *   <li>a validated <em>value</em> ({@code EthernetRepr}, {@code Ipv4Repr}, ...) with {@code
 *       parse(view)}, {@code bufferLen()} and {@code emit(view)}. {@code parse} returns {@code
 *       Optional.empty()} for anything malformed, truncated or failing its checksum; it never
 *       throws, because a frame is input from another (simulated) host, not a programming error.
 * </ul>
 *
 * <p>Protocol logic (ARP cache, ip_input, nd6) lives elsewhere and never touches offsets.
 */
package org.vnetlab.kernel.wire;
