package io.contactdetails.benchmarks;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the service's CPU goes: a JDK Flight Recorder recording of the service process (started and
 * stopped with jcmd), its execution samples attributed to the first frame outside the JDK, by library.
 */
final class CpuProfile {
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("io.contactdetails.", "our code");
        LIBRARIES.put("org.axonframework.", "Axon Framework");
        LIBRARIES.put("com.fasterxml.jackson.", "Jackson (JSON)");
        LIBRARIES.put("org.postgresql.", "PostgreSQL JDBC driver");
        LIBRARIES.put("com.zaxxer.hikari.", "HikariCP");
        LIBRARIES.put("org.apache.", "Tomcat / servlet");
        LIBRARIES.put("org.springframework.security.", "Spring Security");
        LIBRARIES.put("com.nimbusds.", "JWT verification (Nimbus)");
        LIBRARIES.put("org.springframework.", "Spring (web, tx, jdbc)");
        LIBRARIES.put("com.mongodb.", "MongoDB driver");
        LIBRARIES.put("org.bson.", "MongoDB driver");
        LIBRARIES.put("com.google.i18n.", "libphonenumber");
        LIBRARIES.put("ch.qos.logback.", "logging");
        LIBRARIES.put("org.slf4j.", "logging");
    }

    private CpuProfile() {
    }

    static void start(long pid) throws Exception {
        jcmd(pid, "JFR.start", "name=benchmark", "settings=profile");
    }

    static Map<String, Double> stop(long pid, Path file) throws Exception {
        jcmd(pid, "JFR.stop", "name=benchmark", "filename=" + file);
        Map<String, Long> samples = new TreeMap<>();
        long total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples.merge(library(event.getStackTrace().getFrames()), 1L, Long::sum);
            total++;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        long all = Math.max(1, total);
        samples.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> shares.put(entry.getKey(), 100.0 * entry.getValue() / all));
        return shares;
    }

    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            return LIBRARIES.entrySet().stream().filter(entry -> type.startsWith(entry.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse("other: " + type.substring(0, Math.max(0, type.lastIndexOf('.'))));
        }
        return "JDK only (I/O, GC threads, crypto)";
    }

    private static void jcmd(long pid, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid));
        builder.command().addAll(List.of(command));
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
