package golden

import "slices"

// Options bundles options into one, so that the settings a suite shares are
// one value:
//
//	var goldenOpts = golden.Options(golden.Dir("fixtures"), golden.Exact())
//
// The options apply in order, as if given one by one where the bundle
// stands; bundles nest. An empty bundle does nothing.
func Options(opts ...Option) Option {
	opts = slices.Clone(opts)
	return Option{func(c *config) {
		for _, o := range opts {
			if o.apply != nil {
				o.apply(c)
			}
		}
	}}
}
