import CoreMetrics
import Metrics
import Prometheus

/// One process's metrics: a private Prometheus registry and the swift-metrics factory over it.
///
/// No global `MetricsSystem.bootstrap`: the owner hands metrics out through this value, so tests and
/// several registries in one process do not interfere.
public struct MetricsRegistry: Sendable {
    public let registry: PrometheusCollectorRegistry
    public let factory: PrometheusMetricsFactory

    /// - Parameter timerBuckets: histogram buckets of the timers that need other than the default ones.
    public init(timerBuckets: [MetricName: [Duration]] = [:]) {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        for (name, buckets) in timerBuckets { factory.durationHistogramBuckets[name.rawValue] = buckets }
        self.factory = factory
    }

    public func counter(_ name: MetricName, _ labels: [(MetricLabel, String)] = []) -> CoreMetrics.Counter {
        CoreMetrics.Counter(label: name.rawValue, dimensions: Self.dimensions(labels), factory: factory)
    }

    public func gauge(_ name: MetricName, _ labels: [(MetricLabel, String)] = []) -> CoreMetrics.Gauge {
        CoreMetrics.Gauge(label: name.rawValue, dimensions: Self.dimensions(labels), factory: factory)
    }

    public func timer(_ name: MetricName, _ labels: [(MetricLabel, String)] = []) -> Metrics.Timer {
        Metrics.Timer(label: name.rawValue, dimensions: Self.dimensions(labels), factory: factory)
    }

    /// Every metric in the Prometheus text exposition format (0.0.4).
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }

    private static func dimensions(_ labels: [(MetricLabel, String)]) -> [(String, String)] {
        labels.map { ($0.0.rawValue, $0.1) }
    }
}
