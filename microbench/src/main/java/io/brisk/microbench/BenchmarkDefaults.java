package io.brisk.microbench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Settings every Brisk micro-benchmark shares (JMH reads these annotations from a superclass):
 * average ns per operation, one fork and a short warm-up and measurement, so that a whole class runs
 * in under a minute on this shared 2-CPU machine; the command line (-f, -wi, -i, -w, -r) can ask for
 * more. The forked JVM gets the flags bin/brisk-server starts the server with, because they change
 * what a hot path costs: ZGC's load barriers, compact object headers, and Netty's accessibility and
 * bounds checks on every ByteBuf read; native access and Unsafe allowed as the server has them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {
        "-XX:+UseZGC", "-XX:+UseCompactObjectHeaders",
        "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
        "-Dio.netty.tryReflectionSetAccessible=true", "-Dio.netty.leakDetection.level=disabled",
        "-Dio.netty.buffer.checkAccessible=false", "-Dio.netty.buffer.checkBounds=false"})
public abstract class BenchmarkDefaults {
}
