import BeaconCore

extension DemoScenario {
    func noise(_ series: DemoSeries, _ t: Double, _ amplitude: Double) -> Double {
        DemoNoise.offset(seed: seed, series: series, elapsed: t, amplitude: amplitude)
    }

    /// Rounds to `digits` decimals so bodies read `0.9853`, not `0.98530000000000006`.
    func rounded(_ value: Double, digits: Int = 4) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    func paymentSuccessRate(_ phase: DemoPhase.Name, _ t: Double) -> Double {
        let base =
            switch phase {
            case .paymentDegraded: 0.85
            case .paymentOutage: 0.70
            default: 0.985
            }
        return rounded(base + noise(.paymentSuccess, t, 0.003))
    }

    // Failing payments bring customers to the service desk: busier, but nowhere near a service rule's level.

    func inboundBase(_ phase: DemoPhase.Name) -> Double {
        switch phase {
        case .paymentDegraded: 1_300
        case .paymentOutage: 1_450
        default: 1_200
        }
    }

    func queueWaitBase(_ phase: DemoPhase.Name) -> Double {
        switch phase {
        case .paymentDegraded: 70
        case .paymentOutage: 140
        default: 35
        }
    }

    func firstResponseBase(_ phase: DemoPhase.Name) -> Double {
        switch phase {
        case .paymentDegraded: 30
        case .paymentOutage: 55
        default: 18
        }
    }

    func backlogBase(_ phase: DemoPhase.Name) -> Double {
        switch phase {
        case .paymentDegraded: 9
        case .paymentOutage: 14
        default: 6
        }
    }

    /// Usual until the surge, then ``mentionsSurgeFactor`` times as many.
    func negativeMentions(_ t: Double) -> Int {
        let surging = t >= phase(.sentimentSurge).start.seconds
        let base = Double(usualMentions * (surging ? mentionsSurgeFactor : 1))
        let jitter = noise(.negativeMentions, t, surging ? 5 : 1)
        return Int((base + jitter).rounded())
    }

    /// Orders and refund requests over the last hour: about 3.1% and flat.
    func refunds(_ t: Double) -> (orders: Int, requests: Int, rate: Double) {
        let orders = 10_000 + Int(noise(.refundOrders, t, 50).rounded())
        let requests = Int((Double(orders) * (0.031 + noise(.refundRate, t, 0.0004))).rounded())
        return (orders, requests, rounded(Double(requests) / Double(orders)))
    }

    /// Daily counts only grow: every product gains one complaint every 20 seconds; the spiking product climbs to
    /// ``complaintPeak`` over ``complaintRamp`` and then keeps gaining one every 3 seconds.
    func complaints(_ t: Double) -> [ProductComplaints] {
        let drift = Int(t / 20)
        return Self.products.map { product in
            var count = product.usual + drift
            if product.sku == complaintSKU {
                count = spikeCount(usual: count, t)
            }
            return ProductComplaints(sku: product.sku, name: product.name, count: count)
        }
    }

    private func spikeCount(usual: Int, _ t: Double) -> Int {
        let since = t - phase(.complaintSpike).start.seconds
        guard since >= 0 else { return usual }
        let ramp = complaintRamp.seconds
        guard since >= ramp else {
            return usual + Int((Double(complaintPeak - usual) * since / ramp).rounded(.down))
        }
        return complaintPeak + Int((since - ramp) / 3)
    }

    /// The catalogue the complaints endpoint lists, with each product's usual count at midnight plus the morning.
    static let products: [(sku: String, name: String, usual: Int)] = [
        ("A17", "鲜牛奶 1L / Fresh Milk 1L", 23),
        ("B02", "无线耳机 / Wireless Earbuds", 14),
        ("C33", "保温杯 500ml / Insulated Bottle 500ml", 9),
        ("D08", "儿童运动鞋 / Kids' Running Shoes", 17),
        ("E41", "空气炸锅 / Air Fryer", 21),
        ("F12", "抽纸 24包 / Tissues, 24 packs", 5),
    ]
}
