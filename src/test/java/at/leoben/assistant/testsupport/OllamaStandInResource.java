package at.leoben.assistant.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts an {@link OllamaStandIn} for a Quarkus test and points the application's LLM client at it.
 *
 * <p>Quarkus may share one resource instance between test classes, so tests should call
 * {@link OllamaStandIn#reset()} before each test.
 */
public class OllamaStandInResource implements QuarkusTestResourceLifecycleManager {

    private OllamaStandIn standIn;

    @Override
    public Map<String, String> start() {
        standIn = OllamaStandIn.start();
        return Map.of("assistant.llm.base-url", standIn.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(standIn,
                new TestInjector.AnnotatedAndMatchesType(InjectOllamaStandIn.class, OllamaStandIn.class));
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }
}
