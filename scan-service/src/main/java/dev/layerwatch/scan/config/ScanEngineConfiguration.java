package dev.layerwatch.scan.config;

import dev.layerwatch.engine.analysis.AnalyzerSet;
import dev.layerwatch.engine.analysis.ImageAnalyzer;
import dev.layerwatch.engine.analysis.LayerAnalyzer;
import dev.layerwatch.engine.analysis.LayerResultCache;
import dev.layerwatch.engine.layer.LayerLimits;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Spring-free engine into scan-service: analyzers, limits and the Redis layer cache. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ScanProperties.class, RegistriesProperties.class})
public class ScanEngineConfiguration {

    @Bean
    public AnalyzerSet scanAnalyzerSet() {
        return new AnalyzerSet(List.of(), List.of(), null, null, List.of(), null);
    }

    @Bean
    public LayerAnalyzer scanLayerAnalyzer(AnalyzerSet scanAnalyzerSet) {
        return new LayerAnalyzer(scanAnalyzerSet, LayerLimits.DEFAULTS);
    }

    @Bean
    public ImageAnalyzer scanImageAnalyzer(LayerAnalyzer scanLayerAnalyzer, LayerResultCache layerResultCache, ScanProperties properties) {
        return new ImageAnalyzer(scanLayerAnalyzer, layerResultCache, properties.leaseWait());
    }
}
