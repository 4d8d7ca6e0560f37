#pragma once
// The bundled default case until scenario files land: an abdomen patch with
// postpartum striae rubra (docs/SOURCES.md C1, C3: early red striae after pregnancy
// are the best candidates).
#include "tissue/skin_patch.hpp"

namespace dermasim::tissue {

PatchSpec postpartum_abdomen_spec();

}  // namespace dermasim::tissue
