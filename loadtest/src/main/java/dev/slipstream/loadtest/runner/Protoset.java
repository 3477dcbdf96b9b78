package dev.slipstream.loadtest.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;

import io.grpc.protobuf.ProtoFileDescriptorSupplier;

/**
 * The Slipstream protos as a protoset (a {@code FileDescriptorSet} with every import), the file real ghz
 * reads with {@code "protoset"}; written from the generated descriptors, so it always matches the build.
 */
final class Protoset {
    private Protoset() {}

    /** {@code loadtest protoset -o FILE}. */
    @picocli.CommandLine.Command(name = "protoset", mixinStandardHelpOptions = true,
                                 description = "Write the Slipstream protos as a protoset file for ghz.")
    static final class Command implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Option(names = {"-o", "--output"}, required = true, description = "the file to write")
        Path output;

        @Override
        public Integer call() throws IOException {
            Files.write(output, build().toByteArray());
            System.out.println("wrote " + output);
            return 0;
        }
    }

    /** Every Slipstream proto file and its imports, each import before the files that use it. */
    static FileDescriptorSet build() {
        final Map<String, FileDescriptorProto> files = new LinkedHashMap<>();
        for (io.grpc.ServiceDescriptor service : ProtoMethods.services()) {
            add(((ProtoFileDescriptorSupplier) service.getSchemaDescriptor()).getFileDescriptor(), files);
        }
        return FileDescriptorSet.newBuilder().addAllFile(files.values()).build();
    }

    /** Checks that the protoset file a config names exists and declares {@code call}, as ghz would need. */
    static void requireDeclares(Path protoset, String call) {
        final FileDescriptorSet set;
        try (InputStream in = Files.newInputStream(protoset)) {
            set = FileDescriptorSet.parseFrom(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("protoset: cannot read " + protoset + ": " + e.getMessage(), e);
        }
        final String wanted = call.replace('/', '.');
        for (FileDescriptorProto file : set.getFileList()) {
            for (ServiceDescriptorProto service : file.getServiceList()) {
                for (MethodDescriptorProto method : service.getMethodList()) {
                    if (wanted.equals(file.getPackage() + '.' + service.getName() + '.' + method.getName())) {
                        return;
                    }
                }
            }
        }
        throw new IllegalArgumentException("protoset: " + protoset + " does not declare " + call +
                                           " (regenerate it: ./slipstream loadtest protoset -o " + protoset + ")");
    }

    private static void add(FileDescriptor file, Map<String, FileDescriptorProto> files) {
        if (files.containsKey(file.getName())) {
            return;
        }
        file.getDependencies().forEach(dependency -> add(dependency, files));
        files.put(file.getName(), file.toProto());
    }
}
