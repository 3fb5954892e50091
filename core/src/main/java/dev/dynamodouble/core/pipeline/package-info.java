/**
 * The request pipeline: the stages every request passes between the protocol and its operation
 * (auth, faults, capacity), whatever the transport. See {@link dev.dynamodouble.core.pipeline.Pipeline}.
 */
package dev.dynamodouble.core.pipeline;
