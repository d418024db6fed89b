// Each test class starts redis-server and Duet processes (some also Chromium); on 2 cores, one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
