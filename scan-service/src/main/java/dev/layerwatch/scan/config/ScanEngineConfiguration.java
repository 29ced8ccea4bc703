package dev.layerwatch.scan.config;

import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.assembly.ImageAnalyzer;
import dev.layerwatch.engine.layer.LayerLimits;
import dev.layerwatch.engine.layerscan.LayerAnalyzer;
import dev.layerwatch.engine.layerscan.LayerResultCache;
import dev.layerwatch.engine.match.VulnerabilityMatcher;
import dev.layerwatch.engine.policy.FindingPolicy;
import dev.layerwatch.engine.scan.ScanEngine;
import dev.layerwatch.engine.standard.AnalyzerSets;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Spring-free engine into scan-service: analyzers, limits and the Redis layer cache. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ScanProperties.class, RegistriesProperties.class, VulnDbProperties.class, ScanRetryProperties.class})
public class ScanEngineConfiguration {

    @Bean
    public AnalyzerSet scanAnalyzerSet() {
        return AnalyzerSets.standard();
    }

    @Bean
    public LayerAnalyzer scanLayerAnalyzer(AnalyzerSet scanAnalyzerSet, ScanProperties properties) {
        LayerLimits limits = LayerLimits.DEFAULTS
                .withMaxFileBytes(properties.maxFileSize().toBytes())
                .withMaxTotalBytes(properties.maxLayerSize().toBytes());
        return new LayerAnalyzer(scanAnalyzerSet, limits);
    }

    @Bean
    public ImageAnalyzer scanImageAnalyzer(LayerAnalyzer scanLayerAnalyzer, LayerResultCache layerResultCache, ScanProperties properties) {
        return new ImageAnalyzer(scanLayerAnalyzer, layerResultCache, properties.leaseWait());
    }

    /** The engine's one entry point: analyse, match against the current snapshot (once there is one), no policy. */
    @Bean
    public ScanEngine scanEngine(ImageAnalyzer scanImageAnalyzer, Supplier<Optional<VulnerabilityMatcher>> vulnDbMatchers) {
        return new ScanEngine(scanImageAnalyzer, vulnDbMatchers, FindingPolicy.permissive());
    }
}
