package styles

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

//go:embed *.xml
var embedded embed.FS

// Registry of Styles.
//
// mianjing patch: it starts with only the fallback style; the other embedded
// styles are parsed when Get or Names first asks for one (parsing all 64
// cost 10 ms and 1.6 MB at every program start). Like upstream, Registry is
// not safe for concurrent use while it changes.
var Registry = map[string]*chroma.Style{"swapoff": mustLoad("swapoff.xml")}

// loadAllOnce fills Registry with every embedded style not registered yet.
var loadAllOnce sync.Once

// Fallback style. Reassign to change the default fallback style.
var Fallback = Registry["swapoff"]

// mustLoad parses the embedded style file name.
func mustLoad(name string) *chroma.Style {
	r, err := embedded.Open(name)
	if err != nil {
		panic(err)
	}
	defer r.Close()
	style, err := chroma.NewXMLStyle(r)
	if err != nil {
		panic(err)
	}
	return style
}

// loadAll registers every embedded style, leaving styles registered by code
// under the same name in place.
func loadAll() {
	loadAllOnce.Do(func() {
		files, err := fs.ReadDir(embedded, ".")
		if err != nil {
			panic(err)
		}
		for _, file := range files {
			if file.IsDir() || !strings.HasSuffix(file.Name(), ".xml") {
				continue
			}
			style := mustLoad(file.Name())
			if _, ok := Registry[style.Name]; !ok {
				Registry[style.Name] = style
			}
		}
	})
}

// Register a chroma.Style.
func Register(style *chroma.Style) *chroma.Style {
	Registry[style.Name] = style
	return style
}

// Names of all available styles.
func Names() []string {
	loadAll()
	out := []string{}
	for name := range Registry {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// Get named style, or Fallback.
func Get(name string) *chroma.Style {
	if style, ok := Registry[name]; ok {
		return style
	}
	loadAll()
	if style, ok := Registry[name]; ok {
		return style
	}
	return Fallback
}
