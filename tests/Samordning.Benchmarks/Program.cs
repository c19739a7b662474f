Console.WriteLine("Benchmarks: see build/bench.");
